package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A chat model behind HTTP. Implementations are thread-safe. */
public interface Provider {
    /** One non-streaming completion returning the findings JSON; throws a classified failure. */
    ProviderReply complete(ProviderRequest request, CancelToken token) throws ProviderException;

    /** The exact JSON body that {@link #complete} would send now (for the payload preview). */
    ObjectNode requestBody(ProviderRequest request);

    /** The URL requests go to. */
    String endpoint();

    /** Provider id and model, for cache keys and messages (never the key). */
    String describe();
}
