package org.paymenter.ext.api;

/**
 * The caller's request cannot be carried out as it is: a required value of the operation is missing or
 * unusable (a service without the VM id it was created with, a product naming neither template nor ISO).
 * Unlike a plain {@link ExtensionException}, which says the remote system or the extension failed, this is
 * the caller's to fix; the admin API answers it with 422 naming {@link #field()}.
 *
 * @since 1.1
 */
public class InvalidRequestException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   where the problem is, as the operation's JSON names it ({@code properties.vmid},
     *                {@code settings.cores}, {@code transactionId})
     * @param message what is wrong, for the caller; no secrets
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
