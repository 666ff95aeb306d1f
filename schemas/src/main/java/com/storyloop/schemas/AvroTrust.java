package com.storyloop.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes (including generated SpecificRecords) whose package is
 * not trusted. This makes the generated event classes trusted once per JVM, so no user of the jar
 * has to set {@code org.apache.avro.SERIALIZABLE_PACKAGES} themselves.
 */
final class AvroTrust {

  static final String EVENTS_PACKAGE = "com.storyloop.events";
  private static final String PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private static boolean done;

  private AvroTrust() {}

  static synchronized void ensureEventPackagesTrusted() {
    if (done) {
      return;
    }
    // Effective only if Avro has not read the property yet; harmless otherwise.
    String packages = System.getProperty(PACKAGES_PROPERTY);
    if (packages == null || packages.isBlank()) {
      System.setProperty(PACKAGES_PROPERTY, EVENTS_PACKAGE);
    } else if (!packages.contains(EVENTS_PACKAGE)) {
      System.setProperty(PACKAGES_PROPERTY, packages + "," + EVENTS_PACKAGE);
    }
    // Effective in any case: extend the validator Avro consults on every class lookup.
    ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.ClassSecurityPredicate events =
        type -> type.getName().startsWith(EVENTS_PACKAGE + ".");
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, events));
    done = true;
  }
}
