package org.headend.platform.process;

/** One process in the work of a stream: its role there, its label and how it stands. */
public record ProcessPart(String role, String label, ProcessSnapshot snapshot) {}
