/**
 * The {@code toy} command: argument parsing, running a file, {@code -c} or standard input with CPython's exit codes, and {@code toy dis}.
 */
package org.toy.cli;
