package org.latentmpc.ros.internal.message;

/**
 * A constant declared in a message definition ({@code uint8 ARROW=0}).
 *
 * @param type the builtin type
 * @param name the constant's name
 * @param valueText the value as written (trimmed), used in the md5 text
 * @param value the parsed value: {@link Long} for integers, {@link Double} for floats, {@link
 *     Boolean} for bool, {@link String} for strings
 */
public record ConstantSpec(String type, String name, String valueText, Object value) {}
