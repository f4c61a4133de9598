import './messages';
import {
  CameraOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PaperClipOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call, http } from '../api/client';
import { formatTime } from '../components/labels';
import { useI18n, type Translate } from '../i18n/i18n';
import { errorText } from '../pages/errors';
import { download, objectUrl, upload } from './transfer';
import type { Attachment } from './types';

/** What the API takes (ATTACHMENT_MAX_BYTES default); the server still decides. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf';
const ACCEPTED = new Set(ACCEPT.split(','));

export const fileSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Why a file cannot go up, in words, before it is sent (the browser's type may be empty). */
export function refusalOf(t: Translate, file: File): string | null {
  if (file.size > MAX_BYTES) return t('casefile.upload.tooBig', { size: fileSize(file.size) });
  if (file.type && !ACCEPTED.has(file.type)) return t('casefile.upload.badType');
  return null;
}

function uploadError(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 413) return t('casefile.upload.tooBig.server');
  if (error instanceof ApiError && error.status === 415) return t('casefile.upload.badType');
  return errorText(t, error);
}

/** A photo's thumbnail, fetched with the token (an <img src> cannot send it). */
function Thumbnail({ path, name }: { path: string; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    let made: string | null = null;
    objectUrl(path)
      .then((u) => {
        made = u;
        if (gone) URL.revokeObjectURL(u);
        else setUrl(u);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  return url ? (
    <img
      src={url}
      alt={name}
      style={{ width: 56, height: 56, objectFit: 'cover', borderRadius: 4, background: '#f5f5f5' }}
    />
  ) : (
    <FileImageOutlined style={{ fontSize: 32, color: '#4b5563' }} aria-hidden />
  );
}

/**
 * 卷宗: the documents the case's state makes available (PDF to print, DOCX to edit), the
 * evidence with upload from the phone's camera, and the bundle a court verifies offline.
 */
export function CaseFilePanel({ disputeId, reference }: { disputeId: string; reference: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const documents = useQuery({
    queryKey: ['dispute', disputeId, 'documents'],
    queryFn: () =>
      call(http.GET('/disputes/{id}/documents', { params: { path: { id: disputeId } } })),
  });
  const attachments = useQuery({
    queryKey: ['dispute', disputeId, 'attachments'],
    queryFn: () =>
      call(http.GET('/disputes/{id}/attachments', { params: { path: { id: disputeId } } })),
  });
  const key = useQuery({
    queryKey: ['casefile', 'signing-key'],
    queryFn: () => call(http.GET('/casefile/signing-key')),
    staleTime: Infinity,
  });

  const send = useMutation({
    mutationFn: (file: File) => upload<Attachment>(`/disputes/${disputeId}/attachments`, file),
    onSuccess: (a) => {
      setUploadProblem(null);
      void message.success(t('casefile.upload.done', { name: a.name }));
      void queryClient.invalidateQueries({ queryKey: ['dispute', disputeId] });
    },
    onError: (error) => setUploadProblem(uploadError(t, error)),
  });

  const take = (input: HTMLInputElement | null) => {
    const file = input?.files?.[0];
    if (input) input.value = '';
    if (!file) return;
    const refusal = refusalOf(t, file);
    if (refusal) {
      setUploadProblem(refusal);
      return;
    }
    send.mutate(file);
  };

  const fetchFile = async (what: string, path: string, fallback: string) => {
    setBusy(what);
    try {
      const name = await download(path, fallback);
      void message.success(t('casefile.downloaded', { name }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const docs = documents.data ?? [];
  const files = attachments.data ?? [];
  const base = `/disputes/${disputeId}`;

  return (
    <Card title={t('casefile.title')} id="casefile">
      <Space direction="vertical" size={20} style={{ width: '100%' }}>
        <section aria-labelledby="casefile-documents">
          <Typography.Title level={3} id="casefile-documents" style={{ fontSize: 16 }}>
            {t('casefile.documents')}
          </Typography.Title>
          <List
            size="small"
            loading={documents.isLoading}
            dataSource={docs}
            locale={{ emptyText: t('casefile.documents.none') }}
            renderItem={(d) => (
              <List.Item>
                {/* Title above its buttons: on a phone the two do not fit on one line. */}
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={[8, 0]}>
                    <Typography.Text strong>{d.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('casefile.template', { version: d.templateVersion })}
                    </Typography.Text>
                  </Space>
                  <Space wrap>
                    {d.formats.map((format) => (
                      <Button
                        key={format}
                        size="small"
                        icon={format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />}
                        loading={busy === `${d.kind}.${format}`}
                        aria-label={`${d.title} ${format.toUpperCase()}`}
                        onClick={() =>
                          void fetchFile(
                            `${d.kind}.${format}`,
                            `${base}/documents/${d.kind}?format=${format}`,
                            `${reference}-${d.kind}.${format}`,
                          )
                        }
                      >
                        {t(format === 'pdf' ? 'casefile.format.pdf' : 'casefile.format.docx')}
                      </Button>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('casefile.documents.hint')}
          </Typography.Text>
        </section>

        <section aria-labelledby="casefile-evidence">
          <Typography.Title level={3} id="casefile-evidence" style={{ fontSize: 16 }}>
            {t('casefile.evidence')}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 8 }}>
            <Button
              type="primary"
              icon={<CameraOutlined />}
              loading={send.isPending}
              onClick={() => camera.current?.click()}
            >
              {t('casefile.upload.camera')}
            </Button>
            <Button icon={<PaperClipOutlined />} onClick={() => picker.current?.click()}>
              {t('casefile.upload.file')}
            </Button>
          </Space>
          {/* capture opens the phone's camera; the second input lets a scan or a PDF be chosen. */}
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            aria-label={t('casefile.upload.camera')}
            style={{ display: 'none' }}
            onChange={(e) => take(e.currentTarget)}
          />
          <input
            ref={picker}
            type="file"
            accept={ACCEPT}
            aria-label={t('casefile.upload.file')}
            data-testid="evidence-file"
            style={{ display: 'none' }}
            onChange={(e) => take(e.currentTarget)}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
            {t('casefile.upload.rules')}
          </Typography.Paragraph>
          {uploadProblem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={uploadProblem}
              closable
              onClose={() => setUploadProblem(null)}
              style={{ marginBottom: 8 }}
            />
          )}
          {files.length === 0 && !attachments.isLoading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('casefile.evidence.none')} />
          ) : (
            <List
              size="small"
              loading={attachments.isLoading}
              dataSource={files}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button
                      key="get"
                      size="small"
                      type="link"
                      aria-label={t('casefile.evidence.download', { name: a.name })}
                      onClick={() => void fetchFile(a.id, `${base}/attachments/${a.id}`, a.name)}
                    >
                      {t('casefile.evidence.open')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    avatar={
                      a.mediaType.startsWith('image/') && a.mediaType !== 'image/heic' ? (
                        <Thumbnail path={`${base}/attachments/${a.id}`} name={a.name} />
                      ) : (
                        <FilePdfOutlined style={{ fontSize: 32, color: '#cf1322' }} aria-hidden />
                      )
                    }
                    title={<span style={{ wordBreak: 'break-all' }}>{a.name}</span>}
                    description={
                      <Space direction="vertical" size={0}>
                        <span>
                          {t('casefile.evidence.by', {
                            who: a.addedByName ?? a.addedBy,
                            at: formatTime(a.addedAt),
                          })}
                          {' · '}
                          {fileSize(a.size)}
                        </span>
                        <Typography.Text
                          type="secondary"
                          style={{ fontSize: 12, fontFamily: 'monospace' }}
                          title={a.sha256}
                        >
                          SHA-256 {a.sha256.slice(0, 16)}… ·{' '}
                          {t('casefile.evidence.seq', { seq: a.auditSeq })}
                        </Typography.Text>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </section>

        <section aria-labelledby="casefile-bundle">
          <Typography.Title level={3} id="casefile-bundle" style={{ fontSize: 16 }}>
            {t('casefile.bundle')}
          </Typography.Title>
          <Typography.Paragraph>{t('casefile.bundle.what')}</Typography.Paragraph>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={busy === 'bundle'}
            onClick={() => void fetchFile('bundle', `${base}/bundle`, `${reference}-bundle.zip`)}
          >
            {t('casefile.bundle.download')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8 }}>
            {t('casefile.bundle.verify')}
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable
            code
            style={{ fontSize: 12, wordBreak: 'break-all', marginBottom: 0 }}
          >
            {`node tricolor-verify.mjs ${reference}-bundle.zip --public-key ${key.data?.fingerprint ?? '…'}`}
          </Typography.Paragraph>
        </section>
      </Space>
    </Card>
  );
}
