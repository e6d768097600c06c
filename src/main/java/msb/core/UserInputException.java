package msb.core;

/**
 * Bad input or usage: exit code 2. The message names the file, line or field and says how to fix it;
 * the CLI prints it without a stack trace.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) { super(message); }
    public UserInputException(String message, Throwable cause) { super(message, cause); }
}
