package org.trustml.core.dataset;

/**
 * One class of an image folder: its folder name and how many images it holds. A class's code is its position in the
 * sorted list of class names.
 */
public record ImageClass(String name, long images) {}
