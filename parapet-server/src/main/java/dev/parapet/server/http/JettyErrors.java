package dev.parapet.server.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors that Jetty answers itself, before any handler runs (a malformed request line, headers too large,
 * a URI it cannot parse): the OpenAI error body instead of Jetty's HTML page, and never a stack trace.
 */
public final class JettyErrors extends ErrorHandler {

    private final ErrorBodies bodies;

    public JettyErrors(ErrorBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return body(status);
    }

    private ByteBuffer body(int status) {
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        String message = status >= 500 ? "The gateway failed to answer this request."
                : "The HTTP request could not be understood (status " + status + ").";
        ApiException e = new ApiException(status, type, message, null, "http_" + status);
        return ByteBuffer.wrap(bodies.json(e).getBytes(StandardCharsets.UTF_8));
    }
}
