package org.trustml.core.catalog;

/**
 * One column of a tabular dataset.
 *
 * @param type INTEGER, NUMBER, BOOLEAN or STRING, inferred at registration
 * @param role LABEL, PROTECTED, FEATURE or IGNORED
 */
public record ColumnInfo(String name, String type, String role, long missing, long distinct) {}
