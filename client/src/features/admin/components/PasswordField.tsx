import { Button, Form, Input, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { useAdminText } from '../admin.messages';
import { generatePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password';

/**
 * A password an administrator sets for someone: typed, or generated (and then shown, so it can be
 * passed on). At least 10 characters, as the server requires.
 */
export function PasswordField({ form, name, label, testId }: { form: FormInstance; name: string; label: string; testId: string }) {
  const text = useAdminText();
  const [visible, setVisible] = useState(false);
  const generate = () => {
    form.setFieldValue(name, generatePassword());
    void form.validateFields([name]).catch(() => undefined);
    setVisible(true);
  };
  return (
    <Form.Item label={label} required extra={text.passwordHint}>
      <Space.Compact style={{ width: '100%' }}>
        {/* noStyle: the inner item's errors show under the outer label. */}
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: text.passwordRule },
            { min: MIN_PASSWORD_LENGTH, message: text.passwordRule },
            { max: MAX_PASSWORD_LENGTH, message: text.passwordTooLong },
          ]}
        >
          <Input.Password data-testid={testId} autoComplete="new-password" visibilityToggle={{ visible, onVisibleChange: setVisible }} />
        </Form.Item>
        <Button onClick={generate} data-testid={`${testId}-generate`}>{text.generate}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
