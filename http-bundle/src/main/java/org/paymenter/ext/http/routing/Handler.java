package org.paymenter.ext.http.routing;

/** The code behind one route. Throws {@link ApiException} for anything the caller did wrong. */
@FunctionalInterface
public interface Handler {

    ApiResponse handle(ApiRequest request) throws Exception;
}
