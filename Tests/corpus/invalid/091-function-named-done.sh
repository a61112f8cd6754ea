#!/bin/bash
done() { echo finished; }
done
