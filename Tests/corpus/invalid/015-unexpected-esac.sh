#!/bin/bash
echo "no case here"
esac
