import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in. Its access tokens name it (`sid`), so signing out or an administrator's action
 * ends them at once; the refresh token is kept only as a SHA-256 hash.
 */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'refresh_hash', type: 'char', length: 64 }) refreshHash: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) address: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'refreshed_at', type: 'timestamptz', default: () => 'now()' }) refreshedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
