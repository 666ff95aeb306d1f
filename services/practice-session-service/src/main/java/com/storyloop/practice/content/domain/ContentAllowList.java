package com.storyloop.practice.content.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which third-party providers' content is accepted and which is served to whom (issue 7). The installation-wide list of
 * {@code org/provider} pairs is the gate for accepting content at all; an organisation may narrow what its members are
 * served with a list of its own, and without one it is served every provider the installation accepts for it. Serving
 * always needs both, so a provider the installation has dropped is not served from what was stored before.
 */
public final class ContentAllowList {

    private final Set<String> accepted;
    private final Map<String, Set<String>> perOrganisation;

    /**
     * @param accepted        installation-wide {@code orgId/providerId} pairs
     * @param perOrganisation provider ids by organisation, for the organisations that have a list of their own
     */
    public ContentAllowList(Set<String> accepted, Map<String, Set<String>> perOrganisation) {
        this.accepted = Set.copyOf(accepted);
        this.perOrganisation = perOrganisation.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The installation-wide pairs, as {@link ContentRules#provider} checks them on intake. */
    public Set<String> accepted() {
        return accepted;
    }

    public boolean accepts(String orgId, String providerId) {
        return orgId != null && providerId != null && accepted.contains(orgId + "/" + providerId);
    }

    /** May members of this organisation be served this provider's content (never for a caller without an organisation). */
    public boolean serves(String orgId, String providerId) {
        if (!accepts(orgId, providerId)) {
            return false;
        }
        Optional<Set<String>> own = Optional.ofNullable(perOrganisation.get(orgId));
        return own.map(providers -> providers.contains(providerId)).orElse(true);
    }

    /** The providers whose content this organisation's members are served. */
    public Set<String> servedTo(String orgId) {
        if (orgId == null) {
            return Set.of();
        }
        String prefix = orgId + "/";
        return accepted.stream().filter(pair -> pair.startsWith(prefix)).map(pair -> pair.substring(prefix.length()))
                .filter(provider -> serves(orgId, provider)).collect(Collectors.toUnmodifiableSet());
    }
}
