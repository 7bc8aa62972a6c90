package org.paymenter.ext.core.shell;

/** A command's bad argument or refused action; the shell prints {@code error: <message>}. */
final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
