#!/bin/bash
case in
  a) echo a ;;
esac
