package com.storyloop.web.access;

/**
 * The caller may see that this exists (it is in their own organisation, or it is installation-wide) but their role may not
 * do this: 403. Everything the caller may not even know about answers {@link com.storyloop.web.problems.ResourceNotFound}.
 */
public class RoleNotAllowed extends RuntimeException {

    public RoleNotAllowed(String detail) {
        super(detail);
    }
}
