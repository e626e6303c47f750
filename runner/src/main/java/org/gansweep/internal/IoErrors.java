package org.gansweep.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why an input/output operation failed, in a user's words: the operating system's reason and the path it
 * names, never a Java class name (an error line is read by researchers, not by the JVM's authors).
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** The reason, with the path the failure names where there is one ("/x/y: Not a directory"). */
    public static String reason(Throwable e) {
        String bare = bareReason(e);
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + bare;
        }
        return bare;
    }

    /** The reason alone ("No space left on device"), for messages that name the file themselves. */
    public static String bareReason(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof IOException ? "input/output error" : "failed without a reason";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
