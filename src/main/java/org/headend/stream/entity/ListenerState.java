package org.headend.stream.entity;

/** Where an SRT or UDP input listener is: waiting for a sender, receiving, or waiting to retry. */
public enum ListenerState {
    LISTENING,
    RECEIVING,
    RETRYING
}
