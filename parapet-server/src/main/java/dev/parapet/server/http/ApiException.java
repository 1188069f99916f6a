package dev.parapet.server.http;

/**
 * A failure a client sees as an HTTP status and an OpenAI-style error body
 * {@code {"error":{"message","type","param","code"}}}. Messages are written for the client: never a
 * stack trace, a secret or the checked content.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String message, String param, String code) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }

    /** A machine-readable code, or null. */
    public String code() {
        return code;
    }

    public static ApiException invalid(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param, null);
    }

    public static ApiException invalidJson(String message) {
        return new ApiException(400, "invalid_request_error", message, null, "invalid_json");
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "invalid_request_error",
                "The request body is larger than the limit of " + limit + " bytes.", null, "request_too_large");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_error", message, null, "forbidden");
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "invalid_request_error", message, null, "not_found");
    }

    public static ApiException rateLimited(String message) {
        return new ApiException(429, "rate_limit_error", message, null, "rate_limit_exceeded");
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "server_error", message, null, "internal_error");
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "server_error", message, null, "unavailable");
    }

    public static ApiException upstream(int status, String message, String code) {
        return new ApiException(status, "upstream_error", message, null, code);
    }
}
