package dev.parapet.server.http;

import dev.parapet.server.auth.Client;
import io.javalin.http.Context;

/** A handler of an authenticated API request. */
@FunctionalInterface
public interface ApiHandler {
    void handle(Context ctx, Client client) throws Exception;
}
