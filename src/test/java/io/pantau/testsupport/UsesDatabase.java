package io.pantau.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that touches the database (in practice: one that boots Quarkus, and with it
 * Hibernate and the datasource), as the JUnit tag {@value #TAG}. The build runs the tagged classes
 * a second time against PostgreSQL (the {@code postgresql} execution of surefire selects {@code
 * <groups>database</groups>}); untagged classes run on H2 only. Pure unit tests do not need it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesDatabase.TAG)
public @interface UsesDatabase {
  /** The JUnit tag name, as the pom's {@code groups} names it. */
  String TAG = "database";
}
