package io.oppflow.gate;

/** A user-facing text in both languages our users speak. */
public record Message(String zh, String en) {}
