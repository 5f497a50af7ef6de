package org.headend.security.control;

import java.util.List;

/** A user the directory vouched for, with the names of the groups it is a member of. */
public record DirectoryUser(String username, List<String> groups) {}
