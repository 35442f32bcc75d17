/**
 * The importable built-in modules: time, os, sys, math, random.
 */
package org.toy.modules;
