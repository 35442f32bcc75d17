package org.toy.builtins;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Strings;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * The errors of files and the OS, with CPython's errno wording:
 * {@code FileNotFoundError: [Errno 2] No such file or directory: 'nope.txt'}.
 */
public final class IoErrors {
    private IoErrors() {}

    public static final int ENOENT = 2, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, ENOTEMPTY = 39;

    /** {@code io.UnsupportedOperation}: CPython's subclasses both OSError and ValueError; Toy has single inheritance. */
    public static final ToyType UNSUPPORTED_OPERATION =
            new ToyType("io.UnsupportedOperation", ExceptionTypes.VALUE_ERROR, IoErrors::construct);

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        if (kwNames.length > 0) throw Errors.typeError(type.name() + "() takes no keyword arguments");
        return new ToyException(type, ToyTuple.of(args.clone()));
    }

    public static ToyError closedFile() { return Errors.valueError("I/O operation on closed file."); }

    public static ToyError unsupported(String message) { return Errors.of(UNSUPPORTED_OPERATION, message); }

    /**
     * An OSError subclass for {@code errno}. The message is CPython's {@code str(e)}; the args tuple holds
     * that one string (CPython's is {@code (errno, strerror)}: ToyException formats a single argument only),
     * and {@code errno}, {@code strerror} and {@code filename} are set as attributes.
     */
    public static ToyError osError(int errno, String filename) {
        ToyType type;
        String strerror;
        switch (errno) {
            case ENOENT -> { type = ExceptionTypes.FILE_NOT_FOUND_ERROR; strerror = "No such file or directory"; }
            case EACCES -> { type = ExceptionTypes.PERMISSION_ERROR; strerror = "Permission denied"; }
            case EEXIST -> { type = ExceptionTypes.FILE_EXISTS_ERROR; strerror = "File exists"; }
            case ENOTDIR -> { type = ExceptionTypes.NOT_A_DIRECTORY_ERROR; strerror = "Not a directory"; }
            case EISDIR -> { type = ExceptionTypes.IS_A_DIRECTORY_ERROR; strerror = "Is a directory"; }
            case ENOTEMPTY -> { type = ExceptionTypes.OS_ERROR; strerror = "Directory not empty"; }
            default -> { type = ExceptionTypes.OS_ERROR; strerror = "Input/output error"; }
        }
        ToyException e = ToyException.of(type, "[Errno " + errno + "] " + strerror + ": " + Strings.repr(filename));
        e.setAttr("errno", ToyInt.of(errno));
        e.setAttr("strerror", ToyStr.of(strerror));
        e.setAttr("filename", ToyStr.of(filename));
        return new ToyError(e);
    }

    /** A Java I/O failure on {@code filename}, as the OSError CPython would raise. */
    public static ToyError fromJava(IOException e, String filename) {
        if (e instanceof NoSuchFileException) return osError(ENOENT, filename);
        if (e instanceof AccessDeniedException) return osError(EACCES, filename);
        if (e instanceof FileAlreadyExistsException) return osError(EEXIST, filename);
        if (e instanceof NotDirectoryException) return osError(ENOTDIR, filename);
        if (e instanceof DirectoryNotEmptyException) return osError(ENOTEMPTY, filename);
        // java.io reports the errno only in its message: "x (Permission denied)".
        String m = String.valueOf(e.getMessage());
        if (m.contains("No such file")) return osError(ENOENT, filename);
        if (m.contains("Permission denied")) return osError(EACCES, filename);
        if (m.contains("Is a directory")) return osError(EISDIR, filename);
        if (m.contains("Not a directory")) return osError(ENOTDIR, filename);
        return Errors.of(ExceptionTypes.OS_ERROR, m);
    }
}
