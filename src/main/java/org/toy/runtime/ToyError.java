package org.toy.runtime;

/**
 * The Java carrier of a Toy exception through the VM and the built-ins (jlox's trick of an
 * unchecked exception without a stack trace: filling one in would cost more than the raise).
 * The Toy-level value, with its type, args and traceback, is {@link #exception}.
 */
public final class ToyError extends RuntimeException {
    public final ToyException exception;

    public ToyError(ToyException exception) {
        super(null, null, false, false);
        this.exception = exception;
    }

    @Override
    public String getMessage() { return exception.type().name() + ": " + exception.str(); }
}
