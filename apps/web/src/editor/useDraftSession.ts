import { useEffect, useRef, useState } from "react";
import { useConnectionStore } from "../connection/connectionStore.ts";
import { mustReconnect, mustResynchronise, type Refusal } from "../connection/refusal.ts";
import { peopleOf } from "../presence/people.ts";
import { usePresenceStore } from "../presence/presenceStore.ts";
import { useIdentity } from "../presence/useIdentity.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { type DraftSession, openDraftSession } from "./draftSession.ts";

/** The open draft's session, whether its text can be shown and changed, and the last change the server refused. */
export interface DraftSessionView {
  session: DraftSession | null;
  /** The text has arrived, from the server or from this device's copy. */
  hasText: boolean;
  /** The server lets this person change the text (until it says otherwise, assume so: edits stay local). */
  writable: boolean;
  /** Set after the server refused a change and the draft was loaded again from the server. */
  resynchronisedAfter: Refusal | null;
}

/**
 * Opens the draft for as long as the component is mounted, feeding the connection
 * and presence stores. When the server refuses a change this browser made, the
 * local copy is dropped and the draft is opened again from the server.
 */
export function useDraftSession(draftId: string): DraftSessionView {
  const user = useIdentity();
  const userRef = useRef(user);
  userRef.current = user;
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<DraftSession | null>(null);
  const [hasText, setHasText] = useState(false);
  const [writable, setWritable] = useState(true);
  const [resynchronisedAfter, setResynchronisedAfter] = useState<Refusal | null>(null);

  useEffect(() => {
    // generation is a dependency so that a refusal reopens the draft from scratch.
    void generation;
    useConnectionStore.getState().reset();
    let disposed = false;
    const opened = openDraftSession(draftId, userRef.current, {
      connection: (facts) => useConnectionStore.getState().update(facts),
      awareness: (states, selfId) => usePresenceStore.getState().setPeople(peopleOf(states, selfId)),
      ready: () => {
        if (!disposed) setHasText(true);
      },
      admitted: (canWrite) => {
        if (!disposed) setWritable(canWrite);
      },
      refused: (refusal) => {
        if (mustReconnect(refusal)) {
          void useSessionStore
            .getState()
            .load()
            .then(() => {
              if (!disposed) setGeneration((count) => count + 1);
            });
          return;
        }
        if (!mustResynchronise(refusal)) {
          useConnectionStore.getState().update({ refusal });
          return;
        }
        setResynchronisedAfter(refusal);
        void opened.discardLocalCopy().then(() => {
          if (!disposed) setGeneration((count) => count + 1);
        });
      },
    });
    setSession(opened);
    return () => {
      disposed = true;
      opened.destroy();
      setSession(null);
      setHasText(false);
      setWritable(true);
      usePresenceStore.getState().setPeople([]);
      useConnectionStore.getState().reset();
    };
  }, [draftId, generation]);

  useEffect(() => {
    session?.setUser(user);
  }, [session, user]);

  return { session, hasText, writable, resynchronisedAfter };
}
