import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { useI18n } from '../i18n.tsx';
import { profileChanged } from '../writes.ts';

/** Your picture: a preview of the chosen file before it is sent, and the server's refusals. */
export function PictureEditor() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const done = () => {
    setFile(null);
    void profileChanged(queryClient);
  };
  const upload = useMutation({
    mutationFn: (picture: File) => {
      const form = new FormData();
      form.set('file', picture);
      return api.user.uploadProfilePicture.mutate(form);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.user.removeProfilePicture.mutate(), onSuccess: done });
  const problem = useRefusal(upload.error ?? remove.error);
  return (
    <div className="picture-editor">
      <label>
        {t.choosePicture}{' '}
        <input
          type="file"
          accept="image/*"
          onChange={(event: ChangeEvent<HTMLInputElement>) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      {preview && <img className="avatar big" src={preview} alt={t.preview} width={96} height={96} />}
      <button type="button" disabled={!file || upload.isPending} onClick={() => file && upload.mutate(file)}>
        {t.upload}
      </button>{' '}
      <button type="button" className="link" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {t.removePicture}
      </button>
      <Alerts messages={problem.general} />
    </div>
  );
}
