package org.paymenter.ext.http.server;

import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What Jetty answers itself, before a request reaches {@link ApiHandler} (a URI it cannot decode, headers
 * too large): the same problem documents as every other error, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ApiHandler.PROBLEM_JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        try {
            return Json.MAPPER.writeValueAsBytes(ApiHandler.problem(status, "the server cannot handle this request: "
                    + reason, Map.of()).body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
