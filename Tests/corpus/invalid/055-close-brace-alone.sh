#!/bin/sh
}
