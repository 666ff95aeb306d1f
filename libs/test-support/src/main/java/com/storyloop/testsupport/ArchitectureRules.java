package com.storyloop.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon's rules, shared by every service: domain code is plain Java, free of Spring, Avro, Kafka and JDBC. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void checkDomainIsPure(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage);
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.avro..", "org.apache.kafka..",
                        "java.sql..", "javax.sql..", "jakarta..", "com.storyloop.events..", "com.storyloop.eventing..")
                .because("decide/evolve stay pure so they are tested without infrastructure (architecture.md section 3)")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat().resideInAPackage("..adapter..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("..application..").should().dependOnClassesThat().resideInAPackage("..adapter..")
                .allowEmptyShould(true).check(classes);
    }
}
