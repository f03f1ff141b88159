/**
 * Create / change an account: sign-in name and first password (on creation), name, role, the organisation an
 * enterprise account acts for, and the unit the person works in — an agency of the province or one of its communes.
 */
import { Col, Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/roles.ts';
import { UserInput, UserUpdate, type User } from '../../../shared/schemas/users.ts';
import { AdminUnitSelect } from '../../components/admin-unit-select.tsx';
import { AgencySelect } from '../../components/agency-select.tsx';
import { OrganizationSelect } from '../../components/organization-select.tsx';
import { RecordDrawer, type FieldProps } from '../../components/record-drawer.tsx';
import { useUser } from '../../session.tsx';

interface Props {
  open: boolean;
  record: User | null;
  onClose(): void;
  onSaved(user: User, created: boolean): void;
}

type UnitKind = 'none' | 'agency' | 'commune';
const EMPTY = { role: 'dost_officer', unitKind: 'none', active: true };

/** The unit choice is the form's own field; the API has two ids, at most one set. */
const toForm = (u: User) => ({ ...u, unitKind: u.agencyId ? 'agency' : u.adminUnitId ? 'commune' : 'none' });
function toInput({ unitKind, ...v }: Record<string, unknown>) {
  return { ...v, agencyId: unitKind === 'agency' ? v.agencyId ?? null : null, adminUnitId: unitKind === 'commune' ? v.adminUnitId ?? null : null };
}

function UnitField({ field, record }: { field: FieldProps; record: User | null }) {
  const { t } = useTranslation();
  const me = useUser();
  const kind = Form.useWatch<UnitKind | undefined>('unitKind');
  const named = (id: string | null | undefined) => (id && record?.unitName ? { value: id, label: record.unitName } : null);
  return (
    <>
      <Col span={24}>
        <Form.Item name="unitKind" label={t('user.fields.unit')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'none', label: t('user.unitKinds.none') },
              { value: 'agency', label: t('user.unitKinds.agency') },
              { value: 'commune', label: t('user.unitKinds.commune') },
            ]}
          />
        </Form.Item>
      </Col>
      {kind === 'agency' && (
        <Col span={24}>
          <Form.Item {...field('agencyId', t('user.fields.agency'))} rules={[{ required: true, message: t('user.unitRequired') }]}>
            <AgencySelect placeholder={t('user.agencyPlaceholder')} initialOption={named(record?.agencyId)} />
          </Form.Item>
        </Col>
      )}
      {kind === 'commune' && (
        <Col span={24}>
          <Form.Item {...field('adminUnitId', t('user.fields.commune'))} rules={[{ required: true, message: t('user.unitRequired') }]}>
            <AdminUnitSelect placeholder={t('org.adminUnitPlaceholder')} parentId={me.tenant.provinceUnitId} initialOption={named(record?.adminUnitId)} />
          </Form.Item>
        </Col>
      )}
    </>
  );
}

export function UserDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={EMPTY} name="user" labels="user.fields"
      basePath="/api/users" inputSchema={UserInput} updateSchema={UserUpdate} toInput={toInput} toForm={toForm} size={640}
      title={{ create: t('user.new'), edit: t('user.edit') }}
    >
      {({ field, record: current }) => (
        <>
          {!current && (
            <>
              <Col xs={24} md={12}>
                <Form.Item {...field('username')} extra={t('user.usernameHint')}><Input autoComplete="off" /></Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item {...field('password')} extra={t('user.passwordHint')}><Input.Password autoComplete="new-password" /></Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item {...field('displayName')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('role')}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('email')} validateTrigger="onBlur"><Input type="email" /></Form.Item>
          </Col>
          {current && (
            <Col xs={24} md={12}>
              <Form.Item {...field('active')} valuePropName="checked"><Switch /></Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item {...field('organizationId', t('user.fields.organization'))} extra={t('user.organizationHint')}>
              <OrganizationSelect
                placeholder={t('person.organizationPlaceholder')}
                initialOption={current?.organizationId && current.organizationName ? { value: current.organizationId, label: current.organizationName } : null}
              />
            </Form.Item>
          </Col>
          <UnitField field={field} record={current} />
        </>
      )}
    </RecordDrawer>
  );
}
