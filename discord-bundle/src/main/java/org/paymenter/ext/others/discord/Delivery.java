package org.paymenter.ext.others.discord;

/**
 * A message Discord accepted.
 *
 * @param status   Discord's answer (204, or 200 with {@code ?wait=true} in the URL)
 * @param attempts how many tries it took
 */
record Delivery(int status, int attempts) {

    String describe() {
        return status + (attempts == 1 ? "" : " after " + attempts + " attempts");
    }
}
