import { useMutation } from '@apollo/client/react';
import { Alert, App as AntApp, Button, Form, Modal } from 'antd';
import { toApiError } from '../../../app/errors';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useAdminText } from '../admin.messages';
import { fieldErrorOf } from '../field-errors';
import { RESET_PASSWORD, type AdminUser } from '../graphql/admin.graphql';
import { PasswordField } from './PasswordField';

/** 重置密码: a new password for someone; the server ends their sign-ins in the same step. */
export function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose(): void }) {
  const text = useAdminText();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<{ password: string }>();
  const [reset, { loading }] = useMutation(RESET_PASSWORD);

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    try {
      await reset({ variables: { userId: user.id, password } });
      void message.success(text.resetDone(user.name));
      onClose();
    } catch (error) {
      const fieldError = fieldErrorOf(toApiError(error), text, t);
      if (fieldError?.field === 'password') form.setFields([{ name: 'password', errors: [fieldError.message] }]);
      else showError(error);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? text.resetTitle(user.name) : ''}
      onCancel={onClose}
      destroyOnHidden
      width={480}
      footer={[
        <Button key="cancel" onClick={onClose}>{text.cancel}</Button>,
        <Button key="submit" type="primary" danger loading={loading} data-testid="reset-submit" onClick={() => form.submit()}>{text.reset}</Button>,
      ]}
    >
      <Alert type="warning" showIcon title={text.resetWarning} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} data-testid="reset-password-form" onFinish={(values) => void submit(values)}>
        <PasswordField form={form} name="password" label={text.newPassword} testId="reset-new-password" />
      </Form>
    </Modal>
  );
}
