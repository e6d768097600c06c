package msb.data.hyperliquid;

import msb.core.UserInputException;

/**
 * Hyperliquid could not be used: unreachable after the retries, an answer that is not what the API
 * documents, or a refused request. A user-facing problem (exit 2 in the CLI) that a live feed can catch.
 */
public class HyperliquidException extends UserInputException {
    public HyperliquidException(String message) { super(message); }
    public HyperliquidException(String message, Throwable cause) { super(message, cause); }
}
