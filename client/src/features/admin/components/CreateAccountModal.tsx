import { useMutation, useQuery } from '@apollo/client/react';
import { ROLES, type Role } from '@workplan/shared';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { toApiError } from '../../../app/errors';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useAdminText } from '../admin.messages';
import { departmentOptions } from '../department-options';
import { ADMIN_DEPARTMENTS, ADMIN_USERS, CREATE_USER, type AdminUser } from '../graphql/admin.graphql';
import { fieldErrorOf } from '../field-errors';
import { PasswordField } from './PasswordField';

interface Values {
  email: string;
  name: string;
  role?: Role;
  departmentId?: string;
  password: string;
}

/** 新建账号: email, name, role, the department (staff must have one), an initial password. */
export function CreateAccountModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated?(user: AdminUser): void }) {
  const text = useAdminText();
  const { role: roleName, t } = useI18n();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const departments = useQuery(ADMIN_DEPARTMENTS, { skip: !open, fetchPolicy: 'cache-first' });
  const [submitting, setSubmitting] = useState(false);
  // The new account joins the cached list at once; no second request for the whole list.
  const [create] = useMutation(CREATE_USER, {
    update(cache, { data }) {
      if (data) cache.updateQuery({ query: ADMIN_USERS }, (previous) => (previous ? { users: [...previous.users, data.createUser] } : previous));
    },
  });
  const options = useMemo(() => departmentOptions(departments.data?.departments ?? [], text), [departments.data, text]);

  const submit = async (values: Values) => {
    const name = values.name.trim();
    setSubmitting(true);
    try {
      const { data } = await create({ variables: { input: { email: values.email.trim(), name, role: values.role!, departmentId: values.departmentId ?? null, password: values.password } } });
      void message.success(text.created(name));
      if (data) onCreated?.(data.createUser);
      onClose();
    } catch (error) {
      // The server names the field it refused (a taken email, a missing department): mark that field.
      const fieldError = fieldErrorOf(toApiError(error), text, t);
      if (fieldError) form.setFields([{ name: fieldError.field as keyof Values, errors: [fieldError.message] }]);
      else showError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={text.newAccount}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>{text.cancel}</Button>,
        <Button key="submit" type="primary" loading={submitting} data-testid="account-submit" onClick={() => form.submit()}>{text.create}</Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="create-account-form" onFinish={(values) => void submit(values)}>
        <Form.Item name="email" label={text.email} rules={[{ required: true, whitespace: true, message: text.emailRequired }, { type: 'email', message: text.emailInvalid }]}>
          <Input data-testid="account-email" autoComplete="off" maxLength={254} autoFocus />
        </Form.Item>
        <Form.Item name="name" label={text.name} rules={[{ required: true, whitespace: true, message: text.nameRequired }]}>
          <Input data-testid="account-name" autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={text.role} rules={[{ required: true, message: text.roleRequired }]}>
          <Select data-testid="account-role" placeholder={text.rolePlaceholder} options={ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={text.department}
          dependencies={['role']}
          extra={text.departmentOptional}
          required={role === 'STAFF'}
          // Read from the form at validation time, so a role chosen a moment ago counts.
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) => (getFieldValue('role') === 'STAFF' && !value ? Promise.reject(new Error(text.departmentRequired)) : Promise.resolve()),
            }),
          ]}
        >
          <Select
            data-testid="account-department"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.loading && !departments.data}
            placeholder={text.departmentPlaceholder}
            options={options}
          />
        </Form.Item>
        {departments.error && !departments.data && <Alert type="error" showIcon title={text.departmentsFailed} style={{ marginBottom: 12 }} />}
        <PasswordField form={form} name="password" label={text.initialPassword} testId="account-password" />
      </Form>
    </Modal>
  );
}
