import { useRef } from 'preact/hooks';

export interface NoteFrameProps {
  /** The note form's address (an extension page): set once, never shown or handed to the page. */
  url: string;
  /** The frame loaded a second document: the page navigated it (a look-alike could capture typing). */
  onReplaced(): void;
}

/**
 * The frame the note form shows in. The form loads once; any later load means something else
 * now sits in the frame (a page can navigate any frame it can count through `window.frames`),
 * so the card drops it rather than let the reader type into it.
 */
export function NoteFrame({ url, onReplaced }: NoteFrameProps) {
  const loads = useRef(0);
  return (
    <iframe
      class="note-frame"
      src={url}
      title="Save a note"
      referrerpolicy="no-referrer"
      onLoad={(e) => {
        loads.current++;
        if (loads.current > 1) {
          onReplaced();
          return;
        }
        e.currentTarget.focus();
        e.currentTarget.scrollIntoView({ block: 'nearest' });
      }}
    />
  );
}
