package org.borderledger.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a write's request body is posted on its own, under its {@link WriteSource}'s path ({@code ""} for the creating
 * write, {@code /{id}/…} for a write to the aggregate {@code id}), and the summary the API document gives it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WritePath {

    String value();

    String summary();
}
