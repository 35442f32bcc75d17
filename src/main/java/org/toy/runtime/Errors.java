package org.toy.runtime;

/**
 * Factories for the Toy exceptions the runtime raises, with CPython's wording. Each returns the
 * {@link ToyError} to {@code throw}, so call sites read {@code throw Errors.typeError(...)}.
 */
public final class Errors {
    private Errors() {}

    public static ToyError of(ToyType type, String message) {
        return new ToyError(ToyException.of(type, message));
    }

    public static ToyError typeError(String message) { return of(ExceptionTypes.TYPE_ERROR, message); }
    public static ToyError valueError(String message) { return of(ExceptionTypes.VALUE_ERROR, message); }
    public static ToyError indexError(String message) { return of(ExceptionTypes.INDEX_ERROR, message); }
    public static ToyError attributeError(String message) { return of(ExceptionTypes.ATTRIBUTE_ERROR, message); }
    public static ToyError zeroDivision(String message) { return of(ExceptionTypes.ZERO_DIVISION_ERROR, message); }
    public static ToyError overflow(String message) { return of(ExceptionTypes.OVERFLOW_ERROR, message); }
    public static ToyError runtimeError(String message) { return of(ExceptionTypes.RUNTIME_ERROR, message); }
    public static ToyError recursionError() {
        return of(ExceptionTypes.RECURSION_ERROR, "maximum recursion depth exceeded");
    }

    /** {@code KeyError: 'k'}: the key itself is the argument, printed with its repr. */
    public static ToyError keyError(ToyObject key) {
        return new ToyError(new ToyException(ExceptionTypes.KEY_ERROR, ToyTuple.of(key)));
    }

    public static ToyError nameError(String name) {
        return of(ExceptionTypes.NAME_ERROR, "name '" + name + "' is not defined");
    }

    public static ToyError noAttribute(ToyObject obj, String name) {
        return attributeError("'" + obj.type().name() + "' object has no attribute '" + name + "'");
    }

    public static ToyError badUnary(String op, ToyObject operand) {
        return typeError("bad operand type for unary " + op + ": '" + operand.type().name() + "'");
    }

    public static ToyError unsupported(String op, ToyObject left, ToyObject right) {
        return typeError("unsupported operand type(s) for " + op + ": '" + left.type().name() + "' and '"
                + right.type().name() + "'");
    }

    public static ToyError unhashable(ToyObject obj) {
        return typeError("unhashable type: '" + obj.type().name() + "'");
    }
}
