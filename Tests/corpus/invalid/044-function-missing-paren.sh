#!/bin/bash
myfunc( {
  echo x
}
