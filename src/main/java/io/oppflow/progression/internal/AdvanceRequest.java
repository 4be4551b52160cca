package io.oppflow.progression.internal;

/**
 * The optional body of an advance: the stage the caller saw. A duplicate request finds the opportunity
 * already moved on and gets 409 instead of moving it a second time.
 */
public record AdvanceRequest(String expectedStage) {}
