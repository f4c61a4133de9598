import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

/** A real button that opens the file chooser (or the phone's camera, with `capture`). */
export function FileButton({
  accept,
  capture,
  onFile,
  children,
  ...button
}: {
  accept: string;
  capture?: 'environment' | 'user';
  onFile: (file: File) => void;
  children: ReactNode;
} & Omit<ButtonProps, 'onClick' | 'children'>) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        capture={capture}
        tabIndex={-1}
        aria-hidden
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
