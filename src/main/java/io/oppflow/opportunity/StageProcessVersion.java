package io.oppflow.opportunity;

/**
 * The deployed version a new opportunity's process starts from, looked up once: its key, its definition id and
 * whether it has stages (only a stage process may carry an opportunity).
 */
public record StageProcessVersion(String key, String definitionId, boolean hasStages) {}
