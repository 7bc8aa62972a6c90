package org.paymenter.ext.api.gateway;

import org.paymenter.ext.api.ExtensionException;

/**
 * The webhook could not be proved to come from the provider (bad or missing signature, stale timestamp,
 * unparseable body). The host answers 400 and records nothing.
 */
public class WebhookRejectedException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    public WebhookRejectedException(String message) {
        super(message);
    }

    public WebhookRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
