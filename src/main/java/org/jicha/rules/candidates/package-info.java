/**
 * Candidate rule sets uploaded to the server ({@link org.jicha.rules.candidates.RuleCandidates}): written safely
 * into the candidates area, compiled on demand, previewed against the set in force and put in force by id.
 */
@NamedInterface("candidates")
package org.jicha.rules.candidates;

import org.springframework.modulith.NamedInterface;
