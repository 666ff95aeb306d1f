package com.storyloop.web.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The organisation the current request acts for, bound to its thread for the request's duration. Connections taken on
 * a bound thread run under row-level security for that organisation ({@link TenantScopedDataSource}). Threads nobody
 * bound (consumers, the relay, rebuilds, migrations) are not limited.
 */
public final class TenantScope {

    /** What an operator (no organisation) is bound to: matches no row of any organisation. */
    public static final String NO_ORGANISATION = "";

    private static final ThreadLocal<String> ORG = new ThreadLocal<>();

    private TenantScope() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(ORG.get());
    }

    /** Runs {@code work} acting for {@code orgId} (null: for no organisation), then restores what was bound before. */
    public static <T> T callAs(String orgId, Supplier<T> work) {
        String before = ORG.get();
        ORG.set(orgId == null ? NO_ORGANISATION : orgId);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ORG.remove();
            } else {
                ORG.set(before);
            }
        }
    }
}
