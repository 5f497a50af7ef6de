package org.headend.multicast.boundary;

/** What an operator asks for, from the API's JSON or the console's form; nulls take defaults. */
public record SenderRequest(
        String group,
        Integer port,
        Integer ttl,
        String networkInterface,
        String rendition,
        String format,
        Boolean announce) {}
