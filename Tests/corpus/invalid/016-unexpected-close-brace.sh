#!/bin/bash
echo begin
}
