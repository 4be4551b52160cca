package io.oppflow.funnel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultProcess {@code oppflow.default-process}: the stage process the pages preselect for a caller
 *     none of whose opportunities runs in a stage process yet (and preferred on a tie); blank = the first of
 *     the list. No API reading uses it unasked ({@link StageProcesses}).
 */
@ConfigurationProperties("oppflow")
record StageProcessProperties(String defaultProcess) {}
